/* builtins_site.c — the objects CPython's site module puts in builtins:
 * exit/quit (Quitter), copyright/credits/license (_Printer) and help
 * (_Helper, which delegates to pydoc). They are ordinary Python classes of
 * a module named "_sitebuiltins", so the class body below is compiled and
 * run once at start-up (skipped under -S, as CPython). The code is pith's
 * own; attribute names follow CPython so introspection matches. */
#include <string.h>

#include "builtins_impl.h"
#include "pith/compile.h"

static const char site_src[] =
    "class Quitter(object):\n"
    "    def __init__(self, name, eof):\n"
    "        self.name = name\n"
    "        self.eof = eof\n"
    "    def __repr__(self):\n"
    "        return 'Use ' + self.name + '() or ' + self.eof + ' to exit'\n"
    "    def __call__(self, code=None):\n"
    "        import sys\n"
    "        try:\n"
    "            sys.stdin.close()\n"
    "        except:\n"
    "            pass\n"
    "        raise SystemExit(code)\n"
    "\n"
    "class _Printer(object):\n"
    "    MAXLINES = 23\n"
    "    def __init__(self, name, data, files=(), dirs=()):\n"
    "        self.__name = name\n"
    "        self.__data = data\n"
    "        self.__lines = None\n"
    "        self.__filenames = [d + '/' + f for d in dirs for f in files]\n"
    "    def __setup(self):\n"
    "        if self.__lines:\n"
    "            return\n"
    "        text = None\n"
    "        for name in self.__filenames:\n"
    "            try:\n"
    "                with open(name, encoding='utf-8') as fp:\n"
    "                    text = fp.read()\n"
    "                break\n"
    "            except OSError:\n"
    "                pass\n"
    "        self.__lines = (text or self.__data).split('\\n')\n"
    "        self.__linecnt = len(self.__lines)\n"
    "    def __repr__(self):\n"
    "        self.__setup()\n"
    "        if len(self.__lines) > self.MAXLINES:\n"
    "            return 'Type %s() to see the full %s text' % (self.__name, self.__name)\n"
    "        return '\\n'.join(self.__lines)\n"
    "    def __call__(self):\n"
    "        self.__setup()\n"
    "        shown = 0\n"
    "        while shown < self.__linecnt:\n"
    "            for line in self.__lines[shown:shown + self.MAXLINES]:\n"
    "                print(line)\n"
    "            shown += self.MAXLINES\n"
    "            if shown >= self.__linecnt:\n"
    "                break\n"
    "            reply = None\n"
    "            while reply not in ('', 'q'):\n"
    "                reply = input('Hit Return for more, or q (and Return) to quit: ')\n"
    "            if reply == 'q':\n"
    "                break\n"
    "\n"
    "class _Helper(object):\n"
    "    def __repr__(self):\n"
    "        return ('Type help() for interactive help, '\n"
    "                'or help(object) for help about object.')\n"
    "    def __call__(self, *args, **kwds):\n"
    "        import pydoc\n"
    "        return pydoc.help(*args, **kwds)\n"
    "\n"
    "exit = Quitter('exit', 'Ctrl-D (i.e. EOF)')\n"
    "quit = Quitter('quit', 'Ctrl-D (i.e. EOF)')\n"
    "copyright = _Printer('copyright',\n"
    "    'Copyright (c) 2001-2023 Python Software Foundation.\\nAll Rights Reserved.\\n\\n'\n"
    "    'Copyright (c) 2000 BeOpen.com.\\nAll Rights Reserved.\\n\\n'\n"
    "    'Copyright (c) 1995-2001 Corporation for National Research Initiatives.\\n'\n"
    "    'All Rights Reserved.\\n\\n'\n"
    "    'Copyright (c) 1991-1995 Stichting Mathematisch Centrum, Amsterdam.\\n'\n"
    "    'All Rights Reserved.')\n"
    "credits = _Printer('credits',\n"
    "    '    Thanks to CWI, CNRI, BeOpen.com, Zope Corporation and a cast of thousands\\n'\n"
    "    '    for supporting Python development.  See www.python.org for more information.')\n"
    "license = _Printer('license', 'See https://www.python.org/psf/license/')\n"
    "help = _Helper()\n";

/* Run site_src in a fresh "_sitebuiltins" namespace and copy its six
 * objects into the builtins dict. */
int pith_builtins_site_init(PithObject *builtins) {
    static const char *const names[] = {"exit", "quit", "copyright", "credits", "license",
                                        "help"};
    PithObject *g = pith_dict_new();
    PithObject *modname = pith_str_from_cstr("_sitebuiltins");
    PithObject *fn = pith_str_from_cstr("<_sitebuiltins>");
    int r = -1;
    if (!g || !modname || !fn || pith_dict_set_item_str(g, "__name__", modname) < 0 ||
        pith_dict_set_item_str(g, "__builtins__", builtins) < 0)
        goto done;
    PithCode *co = pith_compile_source(site_src, strlen(site_src), fn, PITH_MODE_EXEC, 0);
    if (!co) goto done;
    PithObject *res = pith_eval_code(co, g, NULL);
    PITH_DECREF(co);
    if (!res) goto done;
    PITH_DECREF(res);
    r = 0;
    for (size_t i = 0; r == 0 && i < sizeof names / sizeof *names; i++) {
        PithObject *v = pith_dict_get_item_str(g, names[i]);
        if (!v || pith_dict_set_item_str(builtins, names[i], v) < 0) r = -1;
    }
done:
    PITH_XDECREF(g);
    PITH_XDECREF(modname);
    PITH_XDECREF(fn);
    return r;
}
