package io.ferbench.backend.dl4j.nn;

import org.deeplearning4j.nn.conf.graph.SubsetVertex;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.inputs.InvalidInputTypeException;
import org.nd4j.shade.jackson.annotation.JsonProperty;

/**
 * DL4J's {@link SubsetVertex} with a correct output type for feature maps: in 1.0.0-M2.1 the stock
 * vertex reports {@code from - to + 1} channels for CNN input (negative for any real range), which
 * breaks shape inference of every layer after it. The forward and backward passes are the stock ones
 * (select channels {@code [from, to]} inclusive; scatter the gradient back into zeros).
 */
public class ChannelSubset extends SubsetVertex {

    public ChannelSubset(@JsonProperty("from") int from, @JsonProperty("to") int to) {
        super(from, to);
    }

    @Override
    public ChannelSubset clone() {
        return new ChannelSubset(getFrom(), getTo());
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ChannelSubset s && s.getFrom() == getFrom() && s.getTo() == getTo();
    }

    @Override
    public int hashCode() {
        return 31 * getFrom() + getTo();
    }

    @Override
    public InputType getOutputType(int layerIndex, InputType... vertexInputs) throws InvalidInputTypeException {
        if (vertexInputs.length == 1 && vertexInputs[0] instanceof InputType.InputTypeConvolutional conv) {
            if (getTo() >= conv.getChannels()) {
                throw new InvalidInputTypeException("cannot select channels [" + getFrom() + ", " + getTo()
                        + "] of a feature map with " + conv.getChannels() + " channels");
            }
            return InputType.convolutional(conv.getHeight(), conv.getWidth(), getTo() - getFrom() + 1,
                    conv.getFormat());
        }
        return super.getOutputType(layerIndex, vertexInputs);
    }
}
