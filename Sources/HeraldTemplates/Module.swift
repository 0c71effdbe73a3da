// Module HeraldTemplates: see the files beside this one.
