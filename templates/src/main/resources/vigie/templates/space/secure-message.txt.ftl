<#-- A display-only message of the secure messaging: nobody can answer it. It stays in the inbox once done or over. -->
<#import "why.ftl" as w>
${msg("space.secure-message.greeting")}

<#if stage == "completed" || stage == "expired">
${msg("space.secure-message.intro.past", campaignTitle)}
<#else>
${msg("space.secure-message.intro", campaignTitle)}
</#if>
${period}
<#if action?has_content>
${action}
</#if>

<@w.why/>

${msg("space.secure-message.displayOnly")}
