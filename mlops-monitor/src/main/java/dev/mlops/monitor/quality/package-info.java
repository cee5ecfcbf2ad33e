/**
 * Model quality measured when the ground truth arrives, late or never: labels read from CSV or
 * JSON Lines ({@link dev.mlops.monitor.quality.GroundTruth}) are joined by inference id to the
 * predictions captured at one stage, window by window ({@link dev.mlops.monitor.window}), and
 * each window's accuracy, precision, recall, F1 and confusion matrix (classification) or RMSE,
 * MAE, R² and residual distribution (regression) is compared with the training metrics and set
 * against the model's age ({@link dev.mlops.monitor.quality.QualityMonitor},
 * {@link dev.mlops.monitor.quality.QualityReport}). The arithmetic is the shared
 * {@link dev.mlops.data.stat.ConfusionMatrix} and {@link dev.mlops.data.stat.RegressionErrors},
 * which mlops-train's metrics use too.
 */
@NullMarked
package dev.mlops.monitor.quality;

import org.jspecify.annotations.NullMarked;
