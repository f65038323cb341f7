<#-- An agenda entry: the recommended appointment or vaccination. -->
<#import "why.ftl" as w>
${title}

${period}
${msg("space.agenda.intro")}
${msg("space.action")}

<@w.why/>
