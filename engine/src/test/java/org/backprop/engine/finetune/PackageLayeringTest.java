package org.backprop.engine.finetune;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/**
 * Reading models sits below compiling, fine-tuning sits on top: the compiler reads a model file
 * for {@code weightsFrom}, so the model package must not reach back into the compiler.
 */
class PackageLayeringTest {
    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.backprop.engine");

    @Test
    void modelFilesKnowProjectsButNotTheCompilerTrainingOrCommandLine() {
        noClasses().that().resideInAPackage("org.backprop.engine.model..")
                .should().dependOnClassesThat().resideInAnyPackage("org.backprop.engine.compile..", "org.backprop.engine.train..",
                        "org.backprop.engine.finetune..", "org.backprop.engine.cli..")
                .check(ENGINE);
    }

    @Test
    void fineTuningIsEngineApiTheCommandLineUsesNotTheOtherWayRound() {
        noClasses().that().resideInAnyPackage("org.backprop.engine.finetune..", "org.backprop.engine.compile..")
                .should().dependOnClassesThat().resideInAPackage("org.backprop.engine.cli..")
                .check(ENGINE);
    }
}
