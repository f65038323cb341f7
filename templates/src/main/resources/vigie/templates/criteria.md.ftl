<#-- The criteria catalogue (P5) as Markdown: every campaign, who is concerned, what is checked, which data. -->
# ${msg("criteria.title")}

${msg("criteria.intro")}

${msg("criteria.ruleSet")} : `${ruleSet}`
<#list campaigns as c>

## ${c.title()} (${c.key()})

**${msg("criteria.whoIsConcerned")}.** ${c.whoIsConcerned()?trim}

**${msg("criteria.checks")} :**
<#list c.checks() as check>
- ${check.description()}<#if check.effective()??> (${msg("criteria.effective", date(check.effective()))})</#if><#if check.expires()??> (${msg("criteria.expires", date(check.expires().minusDays(1)))})</#if>
  ${msg("criteria.dataUsed")} : <#list check.dataUsed() as d>${msg("category." + d)}<#sep>, </#list>.
</#list>

**${msg("criteria.dataCategories")} :** <#list c.dataCategories() as d>${msg("category." + d)}<#sep> ; </#list>.<#if c.dataCategories()?seq_contains("INSURER_DATA")>
${msg("criteria.insurerData", msg("pathway." + c.pathway()))}</#if>
</#list>
