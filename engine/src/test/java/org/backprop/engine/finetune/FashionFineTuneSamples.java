package org.backprop.engine.finetune;

import org.backprop.engine.Samples;
import org.backprop.engine.project.DataSpec;
import org.backprop.engine.project.EdgeSpec;
import org.backprop.engine.project.GradientClipping;
import org.backprop.engine.project.LayerSpec;
import org.backprop.engine.project.NetworkSpec;
import org.backprop.engine.project.OptimizerSpec;
import org.backprop.engine.project.Project;
import org.backprop.engine.project.ProjectFiles;
import org.backprop.engine.project.TrainingSettings;
import org.backprop.engine.project.Translation;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static org.backprop.engine.project.LayerType.*;

/**
 * Builds the three projects of the fine-tuning lesson, and writes them when run as a program
 * (samples/fashion-finetune/rebuild.sh does): a network pretrained on Fashion-MNIST classes 0-4,
 * the same network fine-tuned on classes 5-9 from 298 labelled images, and the same network
 * trained on those 298 images from scratch. The measured accuracies in the descriptions come
 * from rebuild.sh's last run.
 */
public final class FashionFineTuneSamples {
    static final String PRETRAIN = "fashion-pretrain";
    static final String FINETUNE = "fashion-finetune";
    static final String SCRATCH = "fashion-scratch";
    /** Where `workbench train` writes the pretrained model; the fine-tune project refers to its zip. */
    static final String PRETRAINED_ZIP = "../" + PRETRAIN + "/model/model.zip";
    /** The first 600 training images hold 298 of classes 5-9: "a few hundred labelled examples". */
    static final int FEW = 600;
    static final long SEED = 42;

    // Test accuracies measured by rebuild.sh (same seed, same data: the runs are deterministic).
    static final String PRETRAIN_ACCURACY = "87.6%";
    static final String FINETUNE_ACCURACY = "84.0%";
    static final String SCRATCH_ACCURACY = "90.7%";
    /** The same fine-tuning with nothing frozen (every layer starts pretrained and learns at 0.001), measured once. */
    static final String UNFROZEN_ACCURACY = "89.8%";

    private FashionFineTuneSamples() {}

    public static void main(String[] args) throws Exception {
        Path root = args.length > 0 ? Path.of(args[0]) : Samples.root();
        for (Project p : List.of(pretrain(), fineTune(), scratch())) {
            Path file = root.resolve(p.name()).resolve(p.name() + ".bpw.json");
            ProjectFiles.write(p, file);
            System.out.println("wrote " + file);
        }
    }

    static Map<Translation.Language, Translation> chinese(String name, String description) {
        return Map.of(Translation.Language.ZH_CN, new Translation(name, description));
    }

    static List<LayerSpec> layers(int classes) {
        return List.of(
                LayerSpec.of("input", INPUT, "size", 784, "height", 28, "width", 28, "channels", 1),
                LayerSpec.of("hidden1", DENSE, "units", 128, "activation", "relu"),
                LayerSpec.of("hidden2", DENSE, "units", 64, "activation", "relu"),
                LayerSpec.of("output", OUTPUT, "units", classes, "activation", "softmax", "loss", "mcxent"));
    }

    static NetworkSpec network(String weightsFrom, List<LayerSpec> layers) {
        List<EdgeSpec> edges = new ArrayList<>();
        for (int i = 1; i < layers.size(); i++) edges.add(EdgeSpec.forward(layers.get(i - 1).id(), layers.get(i).id()));
        return new NetworkSpec(weightsFrom, layers, edges);
    }

    static TrainingSettings training(double learningRate, int batchSize, int epochs) {
        return new TrainingSettings(OptimizerSpec.adam(learningRate), batchSize, epochs, SEED, 0, 0, 0,
                GradientClipping.NONE, TrainingSettings.Precision.FLOAT, "relu");
    }

    static DataSpec fashion(Integer limit, List<Integer> classes) {
        String d = "../data/fashion-mnist-subset/";
        return DataSpec.builder("idx").path(d + "train-images-idx3-ubyte.gz").labels(d + "train-labels-idx1-ubyte.gz").testPath(d + "t10k-images-idx3-ubyte.gz").testLabels(d + "t10k-labels-idx1-ubyte.gz").normalize("scale255").limit(limit).classes(classes).build();
    }

    static Project pretrain() {
        return new Project(Project.FORMAT, Project.CURRENT_VERSION, PRETRAIN,
                "Step 1 of the fine-tuning lesson: the 784-128-64 MLP learns five kinds of clothes (Fashion-MNIST classes 0-4:"
                        + " T-shirt/top, Trouser, Pullover, Dress, Coat) from the 993 such images of the shipped subset."
                        + " `workbench train` writes the model that fashion-finetune starts from into model/ (rebuild.sh in"
                        + " fashion-finetune does it). Measured: " + PRETRAIN_ACCURACY + " test accuracy on the 275 test images of those classes.",
                chinese("fashion-pretrain：预训练",
                        "微调课程的第 1 步：784-128-64 MLP 从随附子集中的 993 张此类图像学习五种服装（Fashion-MNIST 类别 0-4：T-shirt/top、Trouser、Pullover、Dress、Coat，即 T 恤/上衣、裤子、套头衫、连衣裙、外套）。`workbench train` 把 fashion-finetune 起步所用的模型写入 model/（fashion-finetune 中的 rebuild.sh 会执行这一步）。测得：在这些类别的 275 张测试图像上测试准确率为 "
                                + PRETRAIN_ACCURACY + "。"),
                network(null, layers(5)), training(0.001, 32, 10), fashion(null, List.of(0, 1, 2, 3, 4)));
    }

    static Project fineTune() {
        Project p = new Project(Project.FORMAT, Project.CURRENT_VERSION, FINETUNE,
                "Step 2: the other five classes (Sandal, Shirt, Sneaker, Bag, Ankle boot) from only 298 labelled images."
                        + " The network starts from fashion-pretrain's weights; both hidden layers are frozen (their"
                        + " parameters stay bit for bit as pretrained) and a fresh 5-class head learns on top of them."
                        + " Compare with fashion-scratch, the same network and data from random weights. Measured on the 225"
                        + " test images of these classes: fine-tuned " + FINETUNE_ACCURACY + ", from scratch " + SCRATCH_ACCURACY + "."
                        + " Here the frozen features lose: they were learnt to tell tops, trousers and dresses apart, and"
                        + " these classes are mostly shoes and bags. Unfreeze the hidden layers (every layer starts from the"
                        + " pretrained weights and learns, learning rate 0.001) and it measured " + UNFROZEN_ACCURACY + ".",
                chinese("fashion-finetune：微调",
                        "第 2 步：另外五个类别（Sandal、Shirt、Sneaker、Bag、Ankle boot，即凉鞋、衬衫、运动鞋、包、短靴），只有 298 张带标签的图像。网络从 fashion-pretrain 的权重开始；两个隐藏层都被冻结（其参数与预训练结果逐位相同），在它们之上学习一个新的 5 类输出头。可与 fashion-scratch 对比：相同的网络和数据，从随机权重开始。在这些类别的 225 张测试图像上测得：微调 "
                                + FINETUNE_ACCURACY + "，从零训练 "
                                + SCRATCH_ACCURACY + "。这里冻结的特征吃了亏：它们学会的是区分上衣、裤子和连衣裙，而这些类别大多是鞋和包。解冻隐藏层（每一层都从预训练权重开始并参与学习，学习率 0.001），测得 "
                                + UNFROZEN_ACCURACY + "。"),
                network(PRETRAINED_ZIP, layers(5)), training(0.01, 32, 20), fashion(FEW, List.of(5, 6, 7, 8, 9)));
        return FineTune.replaceHead(FineTune.freezeAllButHead(p), 5);
    }

    static Project scratch() {
        return new Project(Project.FORMAT, Project.CURRENT_VERSION, SCRATCH,
                "The control for fashion-finetune: the same 784-128-64-5 network and the same 298 labelled images of"
                        + " Fashion-MNIST classes 5-9, trained from random weights, every layer learning. Measured on the 225"
                        + " test images of these classes: from scratch " + SCRATCH_ACCURACY + ", fine-tuned with frozen hidden layers "
                        + FINETUNE_ACCURACY + ".",
                chinese("fashion-scratch：从零训练",
                        "fashion-finetune 的对照：相同的 784-128-64-5 网络，相同的 298 张 Fashion-MNIST 类别 5-9 的带标签图像，从随机权重开始训练，每一层都参与学习。在这些类别的 225 张测试图像上测得：从零训练 "
                                + SCRATCH_ACCURACY + "，冻结隐藏层的微调 "
                                + FINETUNE_ACCURACY + "。"),
                network(null, layers(5)), training(0.001, 32, 20), fashion(FEW, List.of(5, 6, 7, 8, 9)));
    }
}
