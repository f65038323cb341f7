<#-- The criteria catalogue (P5) as Markdown, as in force on one day: every campaign, who is concerned,
     its season that day, what is checked, which data. -->
<#function dates s><#if s.announced()??><#return msg("criteria.season.announced", date(s.announced()))></#if><#return msg("criteria.season.usual")></#function>
# ${msg("criteria.title")}

${msg("criteria.intro")}

${msg("criteria.ruleSet")} : `${ruleSet}`. ${msg("criteria.on", date(on))}.
<#list campaigns as c>

## ${c.title()} (${c.key()})

**${msg("criteria.whoIsConcerned")}.** ${c.whoIsConcerned()?trim}
<#if c.season()??><#assign s = c.season()>

**${msg("criteria.season")} :** <#if s.current()??>${msg("criteria.season.open", s.current().name(), date(s.current().from()), date(s.current().to()), dates(s.current()))}<#elseif !s.lapsing()>${msg("criteria.season.opensSoon", s.next().name(), date(s.next().from()), date(s.next().to()), dates(s.next()))}<#else>${msg("criteria.season.none", date(s.until()))}<#if s.next()??> ${msg("criteria.season.next", s.next().name(), date(s.next().from()), date(s.next().to()), dates(s.next()))}<#else> ${msg("criteria.season.noNext")}</#if></#if>
</#if>

**${msg("criteria.checks")} :**
<#list c.checks() as check>
- ${check.description()}<#if check.effective()??> (${msg("criteria.effective", date(check.effective()))})</#if><#if check.expires()??> (${msg("criteria.expires", date(check.expires().minusDays(1)))})</#if>
  ${msg("criteria.dataUsed")} : <#list check.dataUsed() as d>${msg("category." + d)}<#sep>, </#list>.
</#list>

**${msg("criteria.dataCategories")} :** <#list c.dataCategories() as d>${msg("category." + d)}<#sep> ; </#list>.<#if c.dataCategories()?seq_contains("INSURER_DATA")>
${msg("criteria.insurerData", msg("pathway." + c.pathway()))}</#if>
</#list>
