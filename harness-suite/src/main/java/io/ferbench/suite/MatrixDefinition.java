package io.ferbench.suite;

import java.util.List;
import java.util.Map;

/**
 * The matrix as the suite writes it, validated but not expanded.
 *
 * @param written     the axes the suite names, in document order, each with its distinct values in order
 * @param defaults    a value for every axis (the dataset default is the suite's only dataset, when it has one)
 * @param include     include entries in order
 * @param exclude     exclude entries in order
 * @param mark        where the matrix starts, for problems of the whole matrix
 * @param excludeMark where {@code exclude:} is written (or the matrix's mark), for an all-excluded matrix
 */
record MatrixDefinition(Map<MatrixAxis, List<Object>> written, Map<MatrixAxis, Object> defaults, List<MatrixEntry> include,
                        List<MatrixEntry> exclude, SourceMark mark, SourceMark excludeMark) {
}
