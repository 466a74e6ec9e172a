"""Bad, hostile and huge inputs refused early; a failed call leaves every object as it
was; bounded work and memory; threads.
"""
