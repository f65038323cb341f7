<#-- What every surface ends with: why the citizen sees it (their reasons, the campaign's criteria, the link to
     all their recommendations), that it decides nothing, where it comes from and how to object (P2, P5, P6). -->
<#macro why>
<#if reasons?has_content>
${msg("space.why.title")}
${msg("space.why.intro")}
<#list reasons as reason>
- ${reason}
</#list>

</#if>
${msg("space.criteria.title")}
${description}

${msg("space.recommendations", link)}

${msg("space.noLegalEffect")}
${msg("space.provenance")}
${msg("space.objection")}
</#macro>
