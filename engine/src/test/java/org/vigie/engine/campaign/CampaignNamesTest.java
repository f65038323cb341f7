package org.vigie.engine.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** One campaign, one name: its file, rule folder, rule files, rule package and key all come from its id. */
class CampaignNamesTest {

    @Test
    void everyNameOfACampaignComesFromItsId() {
        CampaignNames breast = new CampaignNames("screen-breast");
        assertThat(breast.key()).isEqualTo("SCREEN_BREAST");
        assertThat(breast.rulePackage()).isEqualTo("org.vigie.rules.screen_breast");
        assertThat(breast.campaignFile()).isEqualTo("vigie/campaigns/screen-breast.yaml");
        assertThat(breast.ruleFolder()).isEqualTo("vigie/rules/screen-breast/");
    }

    @Test
    void anIdWithNumbersGivesAPackageJavaAccepts() {
        CampaignNames checkup = new CampaignNames("key-age-checkup-18-25");
        assertThat(checkup.key()).isEqualTo("KEY_AGE_CHECKUP_18_25");
        assertThat(checkup.rulePackage()).isEqualTo("org.vigie.rules.key_age_checkup_18_25");
    }

    @Test
    void ruleFilesAreTheIdOrTheIdAndAPartInTheCampaignsFolder() {
        CampaignNames cervical = new CampaignNames("screen-cervical");
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical.drl")).isTrue();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical.drl.csv")).isTrue();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical-symptoms.drl")).isTrue();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/cervical-symptoms.drl")).as("another name").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical-.drl")).as("an empty part").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical-Symptoms.drl")).as("upper case").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical.csv")).as("not a rule suffix").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-breast/screen-cervical.drl")).as("another folder").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/old/screen-cervical.drl")).as("a sub-folder").isFalse();
        assertThat(cervical.isRuleFile("vigie/rules/screen-cervical/screen-cervical-x/y.drl")).as("a sub-folder").isFalse();
    }
}
