// Module HeraldMail: see the files beside this one.
