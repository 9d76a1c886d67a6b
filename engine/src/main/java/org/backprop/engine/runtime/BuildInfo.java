package org.backprop.engine.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Optional;
import java.util.jar.Attributes;
import java.util.jar.Manifest;

/**
 * Which release and build is running, from the manifest that Maven writes into every jar
 * (root pom.xml, maven-jar-plugin): {@code Implementation-Version} is the app version without
 * -SNAPSHOT, {@code Build-Time}, and the ND4J artifact and version the build was made with.
 * Run from classes (tests, an IDE) there is no manifest: a "development build".
 */
public record BuildInfo(Optional<String> version, Optional<String> buildTime,
                        Optional<String> nd4jBackend, Optional<String> nd4jVersion) {

    private static final BuildInfo UNKNOWN = new BuildInfo(Optional.empty(), Optional.empty(), Optional.empty(), Optional.empty());
    private static final BuildInfo CURRENT = read();

    public static BuildInfo current() {
        return CURRENT;
    }

    /** "0.1.0", or "development build". */
    public String versionText() {
        return version.orElse("development build");
    }

    /** "built 2025-01-31 12:00 UTC with nd4j-native 1.0.0-M2.1", or what of it is known. */
    public String buildText() {
        StringBuilder b = new StringBuilder();
        buildTime.ifPresent(t -> b.append("built ").append(t));
        if (nd4jBackend.isPresent()) {
            b.append(b.isEmpty() ? "" : " ").append("with ").append(nd4jBackend.get());
            nd4jVersion.ifPresent(v -> b.append(' ').append(v));
        }
        return b.toString();
    }

    static BuildInfo from(Manifest m) {
        Attributes a = m.getMainAttributes();
        return new BuildInfo(value(a, "Implementation-Version"), value(a, "Build-Time"),
                value(a, "Nd4j-Backend"), value(a, "Nd4j-Version"));
    }

    private static Optional<String> value(Attributes a, String name) {
        return Optional.ofNullable(a.getValue(name)).map(String::trim).filter(s -> !s.isEmpty());
    }

    /** The manifest of the jar this class came from (not the first manifest on the class path). */
    private static BuildInfo read() {
        URL self = BuildInfo.class.getResource(BuildInfo.class.getSimpleName() + ".class");
        String s = self == null ? "" : self.toString();
        int bang = s.indexOf("!/");
        if (!s.startsWith("jar:") || bang < 0) return UNKNOWN;
        try (InputStream in = new URL(s.substring(0, bang + 2) + "META-INF/MANIFEST.MF").openStream()) {
            return from(new Manifest(in));
        } catch (IOException e) {
            return UNKNOWN;
        }
    }
}
