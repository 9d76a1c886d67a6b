package org.backprop.engine;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The engine runs headless: in tests, on the command line, on a remote box. */
class ArchitectureTest {

    private static final JavaClasses ENGINE = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("org.backprop.engine");

    @Test
    void engineNeverTouchesJavaFxOrAwtWindows() {
        noClasses().should().dependOnClassesThat().resideInAnyPackage("javafx..", "java.awt..", "javax.swing..")
                .because("engine/ must run headless")
                .check(ENGINE);
    }

    @Test
    void theLauncherAndTheTestsUseTheSameNd4jSettingsAsTheEngine() throws Exception {
        Path root = Samples.root().getParent();
        String launcher = Files.readString(root.resolve("workbench"));
        String pom = Files.readString(root.resolve("pom.xml"));
        // The installed app's launcher: jpackage's JVM options (it cannot set OMP_NUM_THREADS, so
        // the app caps ND4J's threads itself from workbench.threads).
        String installed = Files.readString(root.resolve("packaging/src/jpackage/app-image.args"));
        for (String[] kv : org.backprop.engine.runtime.Nd4jRuntime.JVM_PROPERTIES) {
            String flag = "-D" + kv[0] + "=" + kv[1];
            assertTrue(launcher.contains(flag), "workbench launcher lacks " + flag);
            assertTrue(pom.contains(flag), "pom.xml (tests) lacks " + flag);
            assertTrue(installed.contains("--java-options " + flag + "\n"), "packaging/src/jpackage/app-image.args lacks " + flag);
        }
        assertTrue(launcher.contains("OMP_NUM_THREADS"), "the launcher sets OpenMP threads");
        assertTrue(pom.contains("<OMP_NUM_THREADS>1</OMP_NUM_THREADS>"), "surefire sets OpenMP threads");
        assertTrue(installed.contains("--java-options -D" + org.backprop.engine.runtime.Nd4jRuntime.THREADS_PROPERTY + "=1\n"),
                "the installed launcher sets ND4J's threads");
    }
}
