"""Names every doctest may use without importing them: ``bm``, ``Q_``, ``np``."""

import matplotlib
import numpy as np
import pytest

matplotlib.use("Agg")


@pytest.fixture(autouse=True)
def _doctest_names(doctest_namespace):
    import biomech as bm

    doctest_namespace.update(bm=bm, Q_=bm.Q_, np=np)
