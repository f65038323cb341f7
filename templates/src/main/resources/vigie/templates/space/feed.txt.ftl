<#-- The article behind a « À la une » card. -->
<#import "why.ftl" as w>
${title}

${msg("space.feed.intro")} ${period}
${msg("space.action")}

<@w.why/>
