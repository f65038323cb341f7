package org.vigie.platform.sweep;

import java.util.List;

/** A sweep was asked for a campaign the rule set does not have. */
class UnknownCampaign extends IllegalArgumentException {

    public UnknownCampaign(String campaign, List<String> known) {
        super("unknown campaign '" + campaign + "'; expected one of " + String.join(", ", known));
    }
}
