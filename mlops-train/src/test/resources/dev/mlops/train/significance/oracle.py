# The oracle for McNemarTest and RepeatedRunsTest: prints statsmodels' exact McNemar test, the
# mid-p value from scipy's binomial distribution, and Welch's t-test from scipy (t, p) and
# statsmodels (degrees of freedom).
# Run: /usr/bin/python3 oracle.py   (Debian 12: scipy 1.10.1, statsmodels 0.13.5)
import numpy as np
import scipy
import statsmodels
from scipy import stats
from statsmodels.stats.contingency_tables import mcnemar
from statsmodels.stats.weightstats import ttest_ind

print("scipy", scipy.__version__, "statsmodels", statsmodels.__version__)

for b, c in [(0, 0), (5, 5), (0, 7), (7, 0), (3, 12), (12, 3), (1, 2), (40, 62), (100, 400), (0, 1000),
             (30, 1000), (1000, 1100), (500000, 501500)]:
    r = mcnemar([[10, b], [c, 10]], exact=True)
    k, n = min(b, c), b + c
    mid = min(1.0, 2 * stats.binom.cdf(k - 1, n, 0.5) + stats.binom.pmf(k, n, 0.5))
    print(f"mcnemar b={b} c={c}: statistic={r.statistic!r} pvalue={r.pvalue!r} "
          f"midp=min(1, 2*binom.cdf({k - 1}, {n}, 0.5) + binom.pmf({k}, {n}, 0.5))={mid!r}")

cases = {
    "seeds": ([0.812, 0.825, 0.801, 0.830, 0.818], [0.795, 0.790, 0.808, 0.788, 0.799]),
    "unequal": ([0.71, 0.74, 0.69, 0.77, 0.72, 0.70, 0.75, 0.73], [0.745, 0.741, 0.748, 0.744]),
    "close": ([0.5, 0.52, 0.49, 0.51], [0.505, 0.515, 0.495, 0.5]),
}
for name, (a, b) in cases.items():
    t, p = stats.ttest_ind(a, b, equal_var=False)
    _, _, df = ttest_ind(a, b, usevar="unequal")
    print(f"welch {name}: ttest_ind(a, b, equal_var=False) t={t!r} p={p!r}; "
          f"statsmodels ttest_ind(usevar='unequal') df={df!r}; mean={np.mean(a)!r},{np.mean(b)!r} "
          f"std(ddof=1)={np.std(a, ddof=1)!r},{np.std(b, ddof=1)!r}")
