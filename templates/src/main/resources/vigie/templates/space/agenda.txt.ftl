<#-- An agenda entry: the recommended appointment or vaccination, or the one already booked. -->
<#import "why.ftl" as w>
${title}

${period}
<#if stage == "planned">
${msg("space.agenda.intro.planned")}
<#elseif stage == "due">
${msg("space.agenda.intro")}
</#if>
<#if action?has_content>
${action}
</#if>

<@w.why/>
