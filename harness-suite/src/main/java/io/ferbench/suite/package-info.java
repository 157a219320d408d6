/**
 * Suite files: a YAML suite is parsed into a located node tree ({@link io.ferbench.suite.YamlTrees}),
 * validated against one key table ({@link io.ferbench.suite.SuiteKeys}, {@link io.ferbench.suite.MatrixAxis}),
 * and its matrix is expanded into {@link io.ferbench.suite.Cell}s. The same key table generates the
 * published JSON Schema ({@link io.ferbench.suite.SuiteSchema}), so what editors check and what the parser
 * accepts cannot drift apart. Entry point: {@link io.ferbench.suite.Suites#plan(java.nio.file.Path)}.
 */
package io.ferbench.suite;

