"""The OpenBLAS core and thread count numpy uses, read from the library itself (threadpoolctl may be absent)."""
import ctypes
import glob
import os

import numpy as np


def blas_info():
    """{"core": "SkylakeX", "threads": 1} from numpy's bundled OpenBLAS, or the build config as a fallback."""
    libs = glob.glob(os.path.join(os.path.dirname(np.__file__), os.pardir, "numpy.libs", "*openblas*"))
    for path in libs:
        lib = ctypes.CDLL(path)
        for prefix in ("scipy_openblas_", "openblas_"):
            for suffix in ("64_", ""):
                core = getattr(lib, f"{prefix}get_corename{suffix}", None)
                threads = getattr(lib, f"{prefix}get_num_threads{suffix}", None)
                if core and threads:
                    core.restype = ctypes.c_char_p
                    return {"core": core().decode(), "threads": threads()}
    config = np.show_config(mode="dicts").get("Build Dependencies", {}).get("blas", {})
    return {"core": f"unknown ({config.get('name', 'no BLAS found')})", "threads": None}
