package io.ferbench.api.result;

/**
 * One-vs-rest ROC curve of a class: the points and the area under it.
 *
 * @param auc  null when undefined (the class is absent from the test split, or is all of it)
 */
public record RocPoints(String className, double[] fpr, double[] tpr, Double auc) {}
