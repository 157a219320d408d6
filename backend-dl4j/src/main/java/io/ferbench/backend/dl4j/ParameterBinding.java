package io.ferbench.backend.dl4j;

import io.ferbench.api.ir.ParameterDef;
import io.ferbench.api.tensor.FloatTensor;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * One IR parameter bound to its DL4J parameter: the vertex (named like the IR node), DL4J's key within
 * the layer ({@code W}, {@code b}, {@code gamma}, {@code beta}, {@code mean}, {@code var}) and the
 * layout conversion.
 */
record ParameterBinding(ParameterDef def, String vertex, String dl4jKey, ParameterLayout layout) {

    /** The key DL4J's {@code Gradient} uses for this parameter. */
    String gradientKey() {
        return vertex + "_" + dl4jKey;
    }

    /** Copies the DL4J parameter out in the IR layout. */
    FloatTensor read(INDArray dl4jParameter) {
        INDArray ir = layout.toIr(dl4jParameter, def.shape());
        float[] values = ir.dup('c').data().asFloat();
        return new FloatTensor(def.shape(), values);
    }

    /** Overwrites the DL4J parameter (a view into the network's parameters) with an IR tensor. */
    void write(FloatTensor tensor, INDArray dl4jParameter) {
        INDArray ir = Nd4j.create(tensor.data(), def.shape(), 'c');
        dl4jParameter.assign(layout.toDl4j(ir, dl4jParameter.shape()));
        ir.close();
    }
}
