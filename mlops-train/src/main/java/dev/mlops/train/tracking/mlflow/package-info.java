/**
 * Export of tracked runs into MLflow's file-store layout ({@code mlruns/<experiment id>/<run id>/} with
 * {@code meta.yaml}, {@code params/}, {@code metrics/}, {@code tags/} and {@code artifacts/}), so a team
 * can open them with {@code mlflow ui --backend-store-uri ./mlruns}. {@link
 * dev.mlops.train.tracking.mlflow.MlflowExport} is the entry point; the layout written is the one of
 * MLflow 2.x's {@code FileStore} ({@code mlflow/store/tracking/file_store.py}).
 */
@NullMarked
package dev.mlops.train.tracking.mlflow;

import org.jspecify.annotations.NullMarked;
