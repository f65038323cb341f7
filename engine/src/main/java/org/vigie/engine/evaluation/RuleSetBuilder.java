package org.vigie.engine.evaluation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import org.drools.model.codegen.ExecutableModelProject;
import org.kie.api.KieBase;
import org.kie.api.KieServices;
import org.kie.api.builder.KieBuilder;
import org.kie.api.builder.KieFileSystem;
import org.kie.api.builder.Message;
import org.kie.api.builder.ReleaseId;
import org.kie.api.builder.model.KieModuleModel;
import org.kie.api.conf.EqualityBehaviorOption;
import org.kie.api.definition.KiePackage;
import org.kie.api.definition.rule.Rule;
import org.vigie.engine.campaign.Campaign;
import org.vigie.engine.campaign.CampaignCatalogue;
import org.vigie.engine.campaign.CampaignNames;
import org.vigie.engine.terminology.Terminology;

/**
 * Builds a {@link RuleSet}: compiles each campaign's rule files to the executable model in a
 * knowledge base of its own, then checks minimisation: a rule that matches a fact category its
 * campaign did not declare fails the build, naming the rule, the campaign and the category. A
 * shipped rule base also names its rule files and packages after the campaign id
 * ({@link #requireNamesFromIds()}, {@link CampaignNames}).
 */
public final class RuleSetBuilder {

    private static final AtomicLong BUILDS = new AtomicLong();

    private final String name;
    private final String version;
    private final CampaignCatalogue catalogue;
    private final Terminology terminology;
    private final Map<String, List<RuleFile>> rulesByCampaign = new LinkedHashMap<>();
    private boolean namesFromIds;

    public RuleSetBuilder(String name, String version, CampaignCatalogue catalogue, Terminology terminology) {
        this.name = name;
        this.version = version;
        this.catalogue = catalogue;
        this.terminology = terminology;
    }

    public RuleSetBuilder rules(String campaignId, List<RuleFile> files) {
        rulesByCampaign.computeIfAbsent(campaignId, k -> new ArrayList<>()).addAll(files);
        return this;
    }

    /**
     * Requires each campaign's rule files to be {@code vigie/rules/<id>/<id>.drl} (or a decision
     * table, or {@code <id>-<part>.drl}), its rules to be in package {@code org.vigie.rules.<id>}
     * with '_' for '-' and its key to be the id in upper case: the layout of a rule base shipped on
     * the class path. Tests and tools that compile loose files leave it off.
     */
    public RuleSetBuilder requireNamesFromIds() {
        this.namesFromIds = true;
        return this;
    }

    public RuleSet build() {
        List<String> problems = new ArrayList<>();
        for (String id : rulesByCampaign.keySet()) {
            if (catalogue.byId(id).isEmpty()) problems.add("rules are given for campaign '" + id + "', which has no campaign file");
        }
        List<CompiledCampaign> compiled = new ArrayList<>();
        // campaigns compile independently (a release id each): in parallel, results in catalogue order
        List<Campaign> campaigns = catalogue.all();
        List<List<String>> problemsOf = new ArrayList<>();
        List<Future<CompiledCampaign>> futures = new ArrayList<>();
        // Drools finds its services through the context class loader: the workers must see the
        // caller's (inside a Spring Boot jar, the common pool's threads would not)
        ClassLoader loader = Thread.currentThread().getContextClassLoader() != null
                ? Thread.currentThread().getContextClassLoader() : RuleSetBuilder.class.getClassLoader();
        ExecutorService workers = Executors.newFixedThreadPool(
                Math.max(1, Math.min(campaigns.size(), Runtime.getRuntime().availableProcessors())));
        try {
            for (Campaign campaign : campaigns) {
                List<String> own = new ArrayList<>();
                problemsOf.add(own);
                List<RuleFile> files = rulesByCampaign.getOrDefault(campaign.id(), List.of());
                if (files.isEmpty()) {
                    own.add("campaign '" + campaign.id() + "' has no rule file");
                    futures.add(null);
                    continue;
                }
                if (namesFromIds) checkNames(campaign, files, own);
                futures.add(workers.submit(() -> {
                    Thread.currentThread().setContextClassLoader(loader);
                    return compile(campaign, files, own);
                }));
            }
            for (int i = 0; i < campaigns.size(); i++) {
                CompiledCampaign c = futures.get(i) == null ? null : join(futures.get(i));
                problems.addAll(problemsOf.get(i));
                if (c != null) compiled.add(c);
            }
        } finally {
            workers.shutdown();
        }
        Map<String, String> packageOwners = new java.util.HashMap<>();
        for (CompiledCampaign c : compiled) {
            for (KiePackage pkg : c.packages()) {
                if (pkg.getRules().isEmpty()) continue; // the executable model's own package of fact types
                String other = packageOwners.putIfAbsent(pkg.getName(), c.campaign().id());
                if (other != null) {
                    problems.add("campaigns '" + other + "' and '" + c.campaign().id() + "' both define rule package '"
                            + pkg.getName() + "': give each campaign a package of its own");
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new RuleSetException(problems);
        }
        return new RuleSet(name + "@" + version, terminology, compiled, loader);
    }

    private static CompiledCampaign join(Future<CompiledCampaign> future) {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while building the rule set", e);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
        }
    }

    private CompiledCampaign compile(Campaign campaign, List<RuleFile> files, List<String> problems) {
        KieServices ks = KieServices.get();
        // a release id of its own per build: builds must never share packages (KIE issue 6617)
        ReleaseId releaseId = ks.newReleaseId("org.vigie.ruleset." + name, campaign.id(),
                version + "-" + BUILDS.incrementAndGet());
        KieFileSystem kfs = ks.newKieFileSystem();
        kfs.generateAndWritePomXML(releaseId);
        // facts are value records: the same act recorded twice is one fact, not two matches
        KieModuleModel module = ks.newKieModuleModel();
        module.newKieBaseModel("campaign").setDefault(true).setEqualsBehavior(EqualityBehaviorOption.EQUALITY)
                .newKieSessionModel("session").setDefault(true);
        kfs.writeKModuleXML(module.toXML());
        for (RuleFile file : files) {
            kfs.write("src/main/resources/" + file.path(), file.content());
        }
        KieBuilder builder = ks.newKieBuilder(kfs).buildAll(ExecutableModelProject.class);
        List<Message> errors = builder.getResults().getMessages(Message.Level.ERROR);
        if (!errors.isEmpty()) {
            for (Message m : errors) {
                String where = m.getPath() == null ? "" : m.getPath().replaceFirst("^src/main/resources/", "")
                        + (m.getLine() > 0 ? ":" + m.getLine() : "") + ": ";
                problems.add("campaign '" + campaign.id() + "': " + where + m.getText().strip());
            }
            return null;
        }
        // the rules' packages only: each rule set builds its groups' knowledge bases from them
        KieBase kieBase = ks.newKieContainer(releaseId).newKieBase(CampaignGroup.configuration());
        ks.getRepository().removeKieModule(releaseId);
        Map<String, CompiledRule> rules = new LinkedHashMap<>();
        boolean declaresOut = false;
        for (KiePackage pkg : kieBase.getKiePackages()) {
            declaresOut |= pkg.getGlobalVariables().stream().anyMatch(g -> g.getName().equals(CampaignGroup.OUT));
            if (namesFromIds && !pkg.getRules().isEmpty()) checkPackage(campaign, pkg.getName(), files, problems);
            for (Rule rule : pkg.getRules()) {
                if (rules.put(rule.getName(), CompiledRule.of(rule, campaign, problems)) != null) {
                    problems.add("campaign '" + campaign.id() + "' has two rules named '" + rule.getName() + "'");
                }
            }
        }
        if (rules.isEmpty()) {
            problems.add("campaign '" + campaign.id() + "': its rule files " + files.stream().map(RuleFile::path).toList()
                    + " compiled to no rule (a decision table must be named *.drl.csv or *.drl.xlsx)");
            return null;
        }
        if (!declaresOut) {
            problems.add("campaign '" + campaign.id() + "': its rules must declare 'global "
                    + Conclusions.class.getName() + " " + CampaignGroup.OUT + ";'");
            return null;
        }
        return new CompiledCampaign(campaign, kieBase, rules);
    }

    private static void checkNames(Campaign campaign, List<RuleFile> files, List<String> problems) {
        CampaignNames names = new CampaignNames(campaign.id());
        if (!names.key().equals(campaign.key())) {
            problems.add(names.campaignFile() + ": key: '" + campaign.key() + "' must be " + names.key()
                    + ", the campaign id in upper case with '_' for '-'");
        }
        for (RuleFile file : files) {
            if (!names.isRuleFile(file.path())) {
                problems.add("campaign '" + campaign.id() + "': rule file " + file.path() + " must be named after the campaign: "
                        + names.ruleFolder() + campaign.id() + ".drl (or .drl.csv), or " + names.ruleFolder() + campaign.id()
                        + "-<part>.drl beside it");
            }
        }
    }

    private static void checkPackage(Campaign campaign, String rulePackage, List<RuleFile> files, List<String> problems) {
        String expected = new CampaignNames(campaign.id()).rulePackage();
        if (rulePackage.equals(expected)) return;
        // the compiled package does not name its file: the files that spell it do (a spreadsheet may not)
        List<String> declaring = files.stream()
                .filter(f -> new String(f.content(), StandardCharsets.UTF_8).contains(rulePackage))
                .map(RuleFile::path).toList();
        problems.add("campaign '" + campaign.id() + "': " + String.join(", ", declaring.isEmpty()
                ? files.stream().map(RuleFile::path).toList() : declaring) + ": rule package '" + rulePackage
                + "' must be '" + expected + "', the campaign id with '_' for '-'");
    }
}
