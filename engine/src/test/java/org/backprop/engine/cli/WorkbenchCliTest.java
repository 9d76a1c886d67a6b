package org.backprop.engine.cli;

import org.backprop.engine.Samples;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.factory.Nd4j;
import picocli.CommandLine;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.junit.jupiter.api.Assertions.*;

/** The command line as a script or a lesson uses it: exit codes, files and messages. */
class WorkbenchCliTest {

    @TempDir
    Path tmp;

    record Result(int exit, String out, String err) {}

    static Result run(String... args) {
        org.backprop.engine.runtime.Nd4jRuntime.configure();
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new WorkbenchCli());
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Result(exit, out.toString(), err.toString());
    }

    @Test
    void trainingXorWritesMetricsWithAFinalLossBelowFiveHundredthsAndALoadableModel() throws Exception {
        Path out = tmp.resolve("run");
        Result r = run("train", Samples.file("xor").toString(), "--out", out.toString());
        assertEquals(0, r.exit(), r.err());
        List<String> csv = Files.readAllLines(out.resolve("metrics.csv"));
        assertTrue(csv.get(0).startsWith("iteration,epoch,loss"), csv.get(0));
        String[] last = csv.get(csv.size() - 1).split(",");
        assertEquals("500", last[0], "500 epochs of one batch");
        assertTrue(Double.parseDouble(last[2]) < 0.05, "final loss " + last[2]);
        assertTrue(r.out().contains("Trained XOR"), r.out());
        assertEquals(r.out(), Files.readString(out.resolve("summary.txt")));

        MultiLayerNetwork plain = ModelSerializer.restoreMultiLayerNetwork(out.resolve("model.zip").toFile());
        var prediction = plain.output(Nd4j.createFromArray(new float[][]{{0, 0}, {0, 1}, {1, 0}, {1, 1}}));
        assertTrue(prediction.getDouble(0) < 0.5 && prediction.getDouble(1) > 0.5
                && prediction.getDouble(2) > 0.5 && prediction.getDouble(3) < 0.5, "plain DL4J computes XOR: " + prediction);
    }

    @Test
    void iterationsCapTheRun() throws Exception {
        Path out = tmp.resolve("short");
        assertEquals(0, run("train", Samples.file("xor").toString(), "--out", out.toString(), "--iterations", "7").exit());
        assertEquals(1 + 7, Files.readAllLines(out.resolve("metrics.csv")).size());
    }

    @Test
    void validateAcceptsAGoodProject() {
        Result r = run("validate", Samples.file("xor").toString());
        assertEquals(0, r.exit(), r.err());
        assertTrue(r.out().contains("xor.bpw.json: valid. input 2 -> hidden dense 3 tanh -> output 1 sigmoid/mse; 13 parameters"), r.out());
    }

    @Test
    void aMalformedFileGivesOneMessageWithItsLineAndExitsNonZero() throws Exception {
        Path bad = tmp.resolve("bad.bpw.json");
        Files.writeString(bad, Files.readString(Samples.file("xor")).replace("\"units\": 3,", "\"units\": 3"));
        for (String cmd : List.of("validate", "train")) {
            Result r = cmd.equals("train") ? run(cmd, bad.toString(), "--out", tmp.resolve("x").toString()) : run(cmd, bad.toString());
            assertEquals(WorkbenchCli.INVALID_INPUT, r.exit());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().startsWith("bad.bpw.json, line 23: "), r.err());
            assertFalse(r.err().contains("Exception"), "no stack trace: " + r.err());
        }
    }

    @Test
    void aNetworkThatCannotConnectNamesTheLayer() throws Exception {
        Path bad = tmp.resolve("dangling.bpw.json");
        Files.writeString(bad, Files.readString(Samples.file("xor")).replace("\"from\": \"hidden\"", "\"from\": \"input\""));
        Result r = run("validate", bad.toString());
        assertEquals(WorkbenchCli.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("layer 'hidden' (dense, line 19) leads nowhere"), r.err());
    }

    @Test
    void aMissingFileIsNamed() {
        Result r = run("validate", tmp.resolve("nope.bpw.json").toString());
        assertEquals(WorkbenchCli.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("nope.bpw.json: no such file"), r.err());
    }

    @Test
    void aCsvRowWithTheWrongNumberOfColumnsIsNamedByFileAndLine() throws Exception {
        Files.writeString(tmp.resolve("points.csv"), "x,y,label\n0,0,a\n0,1,b\n1,0\n1,1,a\n");
        Path project = tmp.resolve("csv.bpw.json");
        Files.writeString(project, Files.readString(Samples.file("xor")).replace(
                "\"source\": \"xor-gate\",", "\"source\": \"csv\",\n    \"path\": \"points.csv\","));
        for (String cmd : List.of("validate", "train")) {
            Result r = cmd.equals("train") ? run(cmd, project.toString(), "--out", tmp.resolve("o").toString()) : run(cmd, project.toString());
            assertEquals(WorkbenchCli.INVALID_INPUT, r.exit(), r.out());
            assertEquals(1, r.err().strip().lines().count(), r.err());
            assertTrue(r.err().contains("points.csv, line 4: expected 3 columns, found 2"), r.err());
        }
        assertFalse(Files.exists(tmp.resolve("o").resolve("model.zip")));
    }

    @Test
    void dataThatDoesNotFitTheInputLayerIsExplained() throws Exception {
        Path bad = tmp.resolve("wide.bpw.json");
        Files.writeString(bad, Files.readString(Samples.file("xor")).replace("\"size\": 2", "\"size\": 3"));
        Result r = run("validate", bad.toString());
        assertEquals(WorkbenchCli.INVALID_INPUT, r.exit());
        assertTrue(r.err().contains("layer 'input' (input, line 14) takes 3 values per example, but the data"), r.err());
    }
}
