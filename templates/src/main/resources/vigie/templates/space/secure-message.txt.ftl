<#-- A display-only message of the secure messaging: nobody can answer it. -->
<#import "why.ftl" as w>
${msg("space.secure-message.greeting")}

${msg("space.secure-message.intro", campaignTitle)}
${period}
${msg("space.action")}

<@w.why/>

${msg("space.secure-message.displayOnly")}
