"""Naming: IR names -> identifiers per target language (stage 3 of the pipeline).

``common`` has the word splitter, case conversions, collision scopes and the ``LanguageNaming`` base; one
module per language (``python``, ``typescript``, ``go``, ``cpp``) adds its reserved words, its single escape
rule and its identifier rules.
"""
