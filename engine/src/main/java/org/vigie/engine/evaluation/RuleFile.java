package org.vigie.engine.evaluation;

/**
 * One source file of a campaign's rules: DRL ({@code .drl}) or a decision table
 * ({@code .drl.csv}, {@code .drl.xls}, {@code .drl.xlsx}; Drools ignores other names).
 */
public record RuleFile(String path, byte[] content) {

    public RuleFile {
        if (!(path.endsWith(".drl") || path.endsWith(".drl.csv") || path.endsWith(".drl.xls")
                || path.endsWith(".drl.xlsx"))) {
            throw new IllegalArgumentException(path + ": a rule file must end in .drl, .drl.csv, .drl.xls or .drl.xlsx");
        }
    }
}
