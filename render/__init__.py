"""fyi.render: the Blender backend, render passes, exporters.

`fyi.render(spec, out)` is also the public render call (DESIGN.md names both): once this subpackage
is imported it is the `render` attribute of `fyi`, so the package itself is callable and hands the
call to `fyi.api.render`.
"""
import sys
import types


class _CallableModule(types.ModuleType):
    def __call__(self, *args, **kwargs):
        from fyi.api import render

        return render(*args, **kwargs)


sys.modules[__name__].__class__ = _CallableModule
