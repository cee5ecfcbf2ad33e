/**
 * Model formats: how a {@link dev.mlops.train.predict.Predictor} becomes the bytes a registry
 * version holds, and how those bytes become a predictor again. Each format is a
 * {@link dev.mlops.core.component.Component} named by its type, so a registry version records
 * the format it was written in and a user's own format, registered through the component
 * registry, stands beside the built-in ones.
 */
@NullMarked
package dev.mlops.deploy.format;

import org.jspecify.annotations.NullMarked;
