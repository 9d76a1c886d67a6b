package org.backprop.engine.runtime;

import org.backprop.engine.Samples;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.jar.Manifest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.junit.jupiter.api.Assertions.*;

class BuildInfoTest {

    @Test
    void readsTheManifestMavenWrites() throws Exception {
        String mf = "Manifest-Version: 1.0\r\nImplementation-Version: 0.1.0\r\nBuild-Time: 2025-01-31 12:00 UTC\r\n"
                + "Nd4j-Backend: nd4j-native\r\nNd4j-Version: 1.0.0-M2.1\r\n\r\n";
        BuildInfo b = BuildInfo.from(new Manifest(new ByteArrayInputStream(mf.getBytes(StandardCharsets.UTF_8))));
        assertEquals("0.1.0", b.versionText());
        assertEquals("built 2025-01-31 12:00 UTC with nd4j-native 1.0.0-M2.1", b.buildText());
    }

    @Test
    void withoutAManifestItIsADevelopmentBuild() throws Exception {
        BuildInfo b = BuildInfo.from(new Manifest());
        assertEquals("development build", b.versionText());
        assertEquals("", b.buildText());
    }

    @Test
    void theAppVersionIsAReleaseNumber() throws Exception {
        String pom = Files.readString(Samples.root().getParent().resolve("pom.xml"));
        Matcher m = Pattern.compile("<app.version>([^<]*)</app.version>").matcher(pom);
        assertTrue(m.find(), "root pom.xml defines app.version");
        assertTrue(m.group(1).matches("\\d+\\.\\d+\\.\\d+"), "installers need x.y.z, got " + m.group(1));
    }
}
