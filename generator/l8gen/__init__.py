"""l8gen: one Protobuf API -> thin, idiomatic client SDKs (Python, Node/TypeScript, Go, C++).

Pipeline: proto/ --(descriptors)--> FileDescriptorSet --(ir.builder)--> Api --(naming + targets, render)-->
{path: text} --(writer, CLI edge only)--> sdks/<lang>/.  ``cli`` and ``plugin`` are the two entry points and
share ``pipeline.generate``.
"""

__version__ = "0.1.0"
