<#-- A notification e-mail, plain text. Only the notice's kind and the link: no topic, no health data (P7). -->
${msg("mail.greeting")}

${msg("mail." + notice + ".body")}

${msg("mail." + notice + ".action")} : ${link}

--
${msg("mail.footer.why")}
${msg("mail.footer.preferences")}
${msg("mail.footer.noReply")}
