<#-- An alert on one section of the medical profile (e.g. the vaccinations). -->
<#import "why.ftl" as w>
${title}

${msg("space.profile-alert.intro", section, campaignTitle)}
${period}
<#if action?has_content>
${action}
</#if>

<@w.why/>
