package kz.shlyuz.adapters.registry;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Reads an agency's fixture file from the classpath: {@code fixtures/<agency>.json}. */
public final class FixtureLoader {

    private FixtureLoader() {}

    /**
     * Loads the fixture records of {@code agency} from the class path.
     *
     * @throws FixtureException when the resource is missing or is not a JSON object
     */
    public static FixtureNode load(String agency) {
        String resource = "fixtures/" + agency + ".json";
        try (InputStream in = FixtureLoader.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new FixtureException(resource + ": not on the classpath");
            }
            return FixtureNode.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), resource);
        } catch (IOException e) {
            throw new FixtureException(resource + ": cannot be read: " + e.getMessage(), e);
        }
    }
}
