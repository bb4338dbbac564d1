"""Naming: IR names -> identifiers per target language (stage 3 of the pipeline).

``common`` has the word splitter, case conversions, collision scopes and the ``LanguageNaming`` base; each
language folder's ``naming.py`` (``l8gen.languages.<name>.naming``) adds its reserved words, its single escape
rule and its identifier rules.
"""
