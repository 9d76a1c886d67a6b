package org.backprop.engine.project;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import static org.backprop.engine.project.PropertySpec.choice;
import static org.backprop.engine.project.PropertySpec.flag;
import static org.backprop.engine.project.PropertySpec.integer;
import static org.backprop.engine.project.PropertySpec.real;

/**
 * The layer types the editor offers, each with its properties. The compiler turns each
 * into a DL4J layer; a gradient-check test proves each one's backward pass.
 */
public enum LayerType {
    INPUT("input", List.of(
            integer("size", 2, 1, Integer.MAX_VALUE),
            // height/width/channels > 0 make the input an image (flattened rows of size h*w*c).
            integer("height", 0, 0, 100_000),
            integer("width", 0, 0, 100_000),
            integer("channels", 0, 0, 100_000))),
    /** With a self-loop (a feedback edge to itself) a dense layer is an Elman layer: DL4J SimpleRnn. */
    DENSE("dense", List.of(
            integer("units", 4, 1, Integer.MAX_VALUE),
            choice("activation", "relu", Vocab.ACTIVATIONS),
            choice("weightInit", "default", Vocab.WEIGHT_INITS_OR_DEFAULT),
            real("dropout", 0, 0, 0.99),
            Transfer.FROZEN, Transfer.REINIT, Transfer.LEARNING_RATE,
            // Init of the weights on feedback edges into the layer; "default" follows weightInit.
            choice("recurrentWeightInit", "default", Vocab.RECURRENT_WEIGHT_INITS))),
    /**
     * A recurrent network's output, at every time step ({@code steps: all}, sequence to sequence)
     * or only at the last one ({@code steps: last}, sequence to one).
     */
    OUTPUT("output", List.of(
            integer("units", 1, 1, Integer.MAX_VALUE),
            choice("activation", "softmax", Vocab.ACTIVATIONS),
            choice("loss", "mcxent", Vocab.LOSSES),
            choice("weightInit", "default", Vocab.WEIGHT_INITS_OR_DEFAULT),
            Transfer.FROZEN, Transfer.REINIT, Transfer.LEARNING_RATE,
            choice("steps", "all", List.of("all", "last")),
            choice("recurrentWeightInit", "default", Vocab.RECURRENT_WEIGHT_INITS))),
    /** DL4J's LSTM; recurrent by nature, drawn with its self-loop. */
    LSTM("lstm", List.of(
            integer("units", 8, 1, Integer.MAX_VALUE),
            choice("activation", "tanh", Vocab.ACTIVATIONS),
            choice("weightInit", "default", Vocab.WEIGHT_INITS_OR_DEFAULT),
            choice("recurrentWeightInit", "default", Vocab.RECURRENT_WEIGHT_INITS),
            real("forgetGateBias", 1, -10, 10),
            Transfer.FROZEN, Transfer.REINIT, Transfer.LEARNING_RATE)),
    DROPOUT("dropout", List.of(
            real("rate", 0.5, 0, 0.99))),
    BATCH_NORM("batchnorm", List.of(
            real("decay", 0.9, 0, 1),
            real("eps", 1e-5, 0, 1),
            Transfer.FROZEN, Transfer.REINIT, Transfer.LEARNING_RATE)),
    CONV2D("conv2d", List.of(
            integer("filters", 8, 1, Integer.MAX_VALUE),
            integer("kernel", 3, 1, 1024),
            integer("stride", 1, 1, 1024),
            choice("padding", "same", List.of("same", "valid")),
            choice("activation", "relu", Vocab.ACTIVATIONS),
            choice("weightInit", "default", Vocab.WEIGHT_INITS_OR_DEFAULT),
            Transfer.FROZEN, Transfer.REINIT, Transfer.LEARNING_RATE)),
    POOL2D("pool2d", List.of(
            integer("kernel", 2, 1, 1024),
            integer("stride", 2, 1, 1024),
            choice("pooling", "max", List.of("max", "avg")))),
    ;

    private final String id;
    private final List<PropertySpec> properties;

    LayerType(String id, List<PropertySpec> properties) {
        this.id = id;
        this.properties = properties;
    }

    /** The name used in project files and on screen, e.g. {@code "dense"}. */
    public String id() {
        return id;
    }

    public List<PropertySpec> properties() {
        return properties;
    }

    public Optional<PropertySpec> property(String name) {
        return properties.stream().filter(p -> p.name().equals(name)).findFirst();
    }

    public static Optional<LayerType> fromId(String id) {
        if (id == null) return Optional.empty();
        String k = id.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(t -> t.id.equals(k)).findFirst();
    }

    public static String allIds() {
        return String.join(", ", Arrays.stream(values()).map(LayerType::id).toList());
    }

    /** True for the types that hold parameters, and so can be frozen, reinitialised or given their own learning rate. */
    public boolean isTrainable() {
        return property(Transfer.FROZEN.name()).isPresent();
    }

    /**
     * Fine-tuning properties of every layer that holds parameters.
     * <ul>
     *   <li>{@code frozen}: its parameters are not updated (DL4J's {@code FrozenLayerWithBackprop}):
     *       they stay bit for bit what they were, while layers before it still learn;</li>
     *   <li>{@code reinit}: start from fresh initial weights even when the network takes its
     *       weights from a trained model ({@code network.weightsFrom});</li>
     *   <li>{@code learningRate}: this layer's own learning rate; 0 means the project's.</li>
     * </ul>
     */
    public static final class Transfer {
        private Transfer() {}

        public static final PropertySpec FROZEN = flag("frozen", false);
        public static final PropertySpec REINIT = flag("reinit", false);
        public static final PropertySpec LEARNING_RATE = real("learningRate", 0, 0, 10);
    }

    /** Shared vocabularies of choice properties. */
    public static final class Vocab {
        private Vocab() {}

        public static final List<String> ACTIVATIONS =
                List.of("identity", "sigmoid", "tanh", "relu", "leakyrelu", "elu", "softmax", "softplus");
        public static final List<String> LOSSES = List.of("mse", "mcxent", "xent", "l1");
        public static final List<String> WEIGHT_INITS = List.of("xavier", "relu", "normal", "uniform", "zero", "lecun");
        static final List<String> WEIGHT_INITS_OR_DEFAULT =
                java.util.stream.Stream.concat(java.util.stream.Stream.of("default"), WEIGHT_INITS.stream()).toList();
        /** Identity recurrent weights (Le et al. 2015, "IRNN") keep a plain recurrent layer's memory longer. */
        public static final List<String> RECURRENT_WEIGHT_INITS =
                java.util.stream.Stream.concat(WEIGHT_INITS_OR_DEFAULT.stream(), java.util.stream.Stream.of("identity")).toList();
    }
}
