/**
 * Troubleshooting a training pipeline, as the guide advises: can the model overfit about ten
 * examples ({@link dev.mlops.train.troubleshoot.OverfitCheck}), does the same seed give the same
 * predictions ({@link dev.mlops.train.troubleshoot.ReproducibilityCheck}), and would more data
 * help ({@link dev.mlops.train.troubleshoot.LearningCurve}).
 */
@NullMarked
package dev.mlops.train.troubleshoot;

import org.jspecify.annotations.NullMarked;
