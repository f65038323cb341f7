-- What each recommendation is filed under, as the campaign declares it in the rule-set version that
-- made it: the notification category (the holder's preferences) and the consent pathway (whose
-- insurer-data consent must still hold when it is notified). Delivery reads them here instead of
-- going back to the rule set. The rows stored before are filled in from the campaign files shipped
-- with this version (V10_1); a row of a campaign no file declares keeps NULL.
ALTER TABLE recommendation ADD COLUMN category TEXT CHECK (category IN ('EXAMS_VACCINATIONS', 'CANCER_SCREENING'));
ALTER TABLE recommendation ADD COLUMN pathway TEXT CHECK (pathway IN ('GENERAL', 'SCREENING', 'CHRONIC_CONDITIONS', 'PREGNANCY'));
