<#-- The article behind a « À la une » card. -->
<#import "why.ftl" as w>
${title}

<#if stage == "due" || stage == "planned">${msg("space.feed.intro")} </#if>${period}
<#if action?has_content>
${action}
</#if>

<@w.why/>
