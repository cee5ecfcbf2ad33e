# The oracle for MetricsTest: writes the seeded random fixtures beside this file and prints
# scikit-learn's value of every metric on them and on the fixed cases of the test.
# Run from this directory: /usr/bin/python3 oracle.py   (Debian 12: numpy 1.24.2, scikit-learn 1.2.1)
import csv

import numpy as np
import sklearn
from sklearn.metrics import (accuracy_score, f1_score, log_loss, mean_absolute_error,
                             mean_squared_error, r2_score, roc_auc_score)

print("numpy", np.__version__, "sklearn", sklearn.__version__)
rng = np.random.default_rng(20261207)


def write(name, header, rows):
    with open(name, "w", encoding="utf-8", newline="") as f:
        w = csv.writer(f, lineterminator="\n")
        w.writerow(header)
        for row in rows:
            w.writerow([repr(v) if isinstance(v, float) else v for v in row])


def classification(name, classes, truth, scores):
    predicted = [classes[int(np.argmax(s))] for s in scores]
    write(name, ["truth", "prediction"] + ["score@" + c for c in classes],
          [[t, p] + [float(x) for x in s] for t, p, s in zip(truth, predicted, scores)])
    print(name, "accuracy_score", repr(accuracy_score(truth, predicted)))
    print(name, "f1_score(average='macro')", repr(f1_score(truth, predicted, average="macro")))
    if len(classes) == 2:
        print(name, "roc_auc_score(truth, scores[:, 1])", repr(roc_auc_score(truth, scores[:, 1])))
    else:
        print(name, "roc_auc_score(multi_class='ovr')", repr(roc_auc_score(truth, scores, multi_class="ovr", labels=classes)))
    print(name, "log_loss(labels=classes)", repr(log_loss(truth, scores, labels=classes)))


# binary: 200 rows, scores of 'good' in steps of 0.05 (many ties), some exactly 0 and 1
classes = ["bad", "good"]
y = rng.random(200) < 0.4
good = np.clip(np.round((0.35 + 0.3 * y + rng.normal(0, 0.25, 200)) * 20) / 20, 0.0, 1.0)
scores = np.column_stack([1.0 - good, good])
classification("binary.csv", classes, [classes[int(v)] for v in y], scores)

# three classes: 300 rows, scores k/10 (ties, rows sum to 1)
classes = ["Berlin", "München", "São Paulo"]
truth_idx = rng.choice(3, size=300, p=[0.5, 0.3, 0.2])
tenths = np.zeros((300, 3))
for i, t in enumerate(truth_idx):
    w = rng.dirichlet([1.0, 1.0, 1.0]) + 0.6 * np.eye(3)[t]
    counts = rng.multinomial(10, w / w.sum())
    tenths[i] = counts / 10.0
classification("multiclass.csv", classes, [classes[t] for t in truth_idx], tenths)

# regression: 250 rows
y = rng.normal(50.0, 12.0, 250)
pred = y + rng.normal(1.5, 6.0, 250)
write("regression.csv", ["truth", "prediction"], [[float(a), float(b)] for a, b in zip(y, pred)])
print("regression.csv", "mean_squared_error(squared=False)", repr(mean_squared_error(y, pred, squared=False)))
print("regression.csv", "mean_absolute_error", repr(mean_absolute_error(y, pred)))
print("regression.csv", "r2_score", repr(r2_score(y, pred)))

# the fixed cases of MetricsTest
print("fixed accuracy", repr(accuracy_score(["a", "a", "b", "b", "b", "c"], ["a", "b", "b", "b", "c", "c"])))
print("fixed f1 macro", repr(f1_score(["a", "a", "b", "b", "b", "c"], ["a", "b", "b", "b", "c", "c"], average="macro")))
print("fixed f1 macro, a class only predicted", repr(f1_score(["a", "a", "b", "b"], ["a", "c", "b", "b"], average="macro")))
print("fixed auc binary ties", repr(roc_auc_score(["bad", "good", "good", "bad", "good", "bad"], [0.1, 0.4, 0.35, 0.8, 0.8, 0.4])))
print("fixed auc ovr", repr(roc_auc_score(["a", "b", "c", "a", "b", "c"],
      [[0.6, 0.3, 0.1], [0.2, 0.5, 0.3], [0.1, 0.2, 0.7], [0.3, 0.4, 0.3], [0.5, 0.25, 0.25], [0.2, 0.2, 0.6]],
      multi_class="ovr")))
print("fixed log_loss clipped", repr(log_loss(["a", "b", "c"], [[1.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.2, 0.3, 0.5]], labels=["a", "b", "c"])))
print("fixed log_loss unnormalised", repr(log_loss(["a", "b"], [[0.2, 0.2], [0.9, 0.3]], labels=["a", "b"])))
print("fixed rmse", repr(mean_squared_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0], squared=False)))
print("fixed mae", repr(mean_absolute_error([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])))
print("fixed r2", repr(r2_score([3.0, -0.5, 2.0, 7.0], [2.5, 0.0, 2.0, 8.0])))
print("fixed r2 constant exact", repr(r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 2.0])))
print("fixed r2 constant wrong", repr(r2_score([2.0, 2.0, 2.0], [2.0, 2.0, 3.0])))
print("fixed r2 one row", repr(r2_score([2.0], [3.0])))
