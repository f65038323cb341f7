package org.vigie.engine.evaluation;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.json.InvalidInputException;
import org.vigie.engine.json.StrictJson;
import org.vigie.engine.terminology.Terminology;

/**
 * The index of a rule set shipped on the class path ({@code vigie/ruleset.yaml}): its name and
 * version, its terminology table, and for each campaign (in evaluation order) its rule files.
 * Campaign declarations are read from {@code vigie/campaigns/<id>.yaml}; rule files and packages must
 * be named after the campaign id ({@link org.vigie.engine.campaign.CampaignNames}).
 */
public record RuleSetManifest(String name, String version, String terminology, List<CampaignRules> campaigns) {

    public static final String LOCATION = "vigie/ruleset.yaml";

    public record CampaignRules(String id, List<String> rules) {
    }

    /** Loads and builds the rule set shipped on the class path. */
    public static RuleSet loadDefault() {
        return load(Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : RuleSetManifest.class.getClassLoader());
    }

    public static RuleSet load(ClassLoader loader) {
        RuleSetManifest manifest;
        try {
            manifest = StrictJson.read(StrictJson.YAML, new String(bytes(loader, LOCATION), StandardCharsets.UTF_8),
                    RuleSetManifest.class);
        } catch (InvalidInputException e) {
            throw new RuleSetException(List.of(LOCATION + ": " + e.getMessage()));
        }
        CampaignCatalogue catalogue = CampaignCatalogue.fromClasspath(loader,
                manifest.campaigns().stream().map(CampaignRules::id).toList());
        Terminology terminology = Terminology.read(manifest.terminology(),
                new InputStreamReader(new java.io.ByteArrayInputStream(bytes(loader, manifest.terminology())),
                        StandardCharsets.UTF_8));
        RuleSetBuilder builder = new RuleSetBuilder(manifest.name(), manifest.version(), catalogue, terminology)
                .requireNamesFromIds();
        for (CampaignRules c : manifest.campaigns()) {
            List<RuleFile> files = new ArrayList<>();
            for (String path : c.rules()) {
                files.add(new RuleFile(path, bytes(loader, path)));
            }
            builder.rules(c.id(), files);
        }
        return builder.build();
    }

    private static byte[] bytes(ClassLoader loader, String path) {
        try (InputStream in = loader.getResourceAsStream(path)) {
            if (in == null) throw new RuleSetException(List.of(path + ": not found on the class path"));
            return in.readAllBytes();
        } catch (IOException e) {
            throw new RuleSetException(List.of(path + ": cannot be read: " + e.getMessage()));
        }
    }
}
