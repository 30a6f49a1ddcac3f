"""The optional compiled walk (``cleaner/frontends/html/_cwalk.pyx``).

Everything else is in pyproject.toml. The extension is optional: when Cython or a C
compiler is missing, or the build fails, the install goes on without it, with a
warning, and cleaner uses its Python walk (the pattern of markupsafe and PyYAML).
"""

from __future__ import annotations

import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

_PYX = "src/cleaner/frontends/html/_cwalk.pyx"


class OptionalBuildExt(build_ext):
    """build_ext whose failure is a warning, not a failed install."""

    def run(self) -> None:
        try:
            super().run()
        except Exception as error:  # no compiler at all (DistutilsPlatformError ...)
            _warn(error)

    def build_extension(self, ext: Extension) -> None:
        try:
            super().build_extension(ext)
        except Exception as error:  # the compiler failed (CompileError, LinkError ...)
            _warn(error)


def _warn(error: BaseException) -> None:
    print(
        "WARNING: cleaner's compiled walk could not be built "
        f"({type(error).__name__}: {error}); installing without it: cleaner uses its "
        "Python walk, with the same output, slower.",
        file=sys.stderr,
    )


def _extensions() -> list[Extension]:
    try:
        from Cython.Build import cythonize
    except ImportError as error:
        _warn(error)
        return []
    try:
        return cythonize(
            [Extension("cleaner.frontends.html._cwalk", [_PYX])],
            compiler_directives={"language_level": "3"},
            quiet=True,
        )
    except Exception as error:
        _warn(error)
        return []


setup(ext_modules=_extensions(), cmdclass={"build_ext": OptionalBuildExt})
