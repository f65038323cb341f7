<#ftl output_format="HTML">
<#-- A notification e-mail, HTML. Only the notice's kind and the link: no topic, no health data (P7). -->
<!DOCTYPE html>
<html lang="${lang}">
<head>
<meta charset="UTF-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${msg("mail." + notice + ".subject")}</title>
</head>
<body style="font-family: Arial, sans-serif; color: #1e1e1e; max-width: 560px; margin: 0 auto; padding: 16px;">
<p>${msg("mail.greeting")}</p>
<p>${msg("mail." + notice + ".body")}</p>
<p><a href="${link}" style="display: inline-block; padding: 10px 16px; background: #000091; color: #ffffff; text-decoration: none;">${msg("mail." + notice + ".action")}</a></p>
<hr>
<p style="font-size: 12px; color: #555555;">${msg("mail.footer.why")}<br>${msg("mail.footer.preferences")}<br>${msg("mail.footer.noReply")}</p>
</body>
</html>
