"""The command line called as ``main([...])``: flags, help, usage errors, what each
command prints and writes.
"""
