# Writes the zstd fixtures of tests/kernels/zstd.rs with the reference CLI (run from this directory).
import os, shutil, subprocess, tempfile
M=(1<<64)-1
WORDS=[b"metaxy",b"feature",b"sample_uid",b"provenance",b"delta",b"parquet",b"the",b"of",b"and",b"version",b"0123456789",b"{\"a\": 1}",b"\n"]
def gen(n, seed, kinds=(0,1,2,3)):
    st=seed&M
    def nxt():
        nonlocal st
        st=(st*6364136223846793005+1442695040888963407)&M
        return st>>33
    out=bytearray()
    while len(out)<n:
        kind=kinds[nxt()%len(kinds)]; seg=1+nxt()%4000
        if kind==0:
            for _ in range(seg//6):
                out+=WORDS[nxt()%len(WORDS)]+b" "
        elif kind==1:
            for _ in range(seg//8):
                out.append(nxt()&0xff)
        elif kind==2:
            out+=bytes([nxt()&0xff])*seg
        elif kind==4:
            for _ in range(seg//2):
                out.append(0x30+(nxt()%50)*(nxt()%50)//50)
        else:
            if out:
                off=1+nxt()%min(len(out),100000)
                start=len(out)-off
                for i in range(seg):
                    out.append(out[start+i])
    return bytes(out[:n])
cases={"small":(1000,5,(0,1,2,3)),"text":(40000,2,(0,1,2,3)),"multi":(300000,3,(0,1,2,3))}
def z(src,dst,*extra):
    subprocess.run(["zstd","-q","-f",*extra,src,"-o",dst],check=True)
# The plain inputs go to a scratch directory; only the .zst files are kept.
scratch=tempfile.mkdtemp()
def plain(name,data):
    path=os.path.join(scratch,f"{name}.bin")
    open(path,"wb").write(data)
    return path
for name,(n,seed,kinds) in cases.items():
    src=plain(name,gen(n,seed,kinds))
    z(src,f"{name}-1.zst","-1")
    if name!="multi":
        z(src,f"{name}-3.zst","-3","--no-check")
    z(src,f"{name}-19.zst","-19","--no-content-size")
    z(src,f"{name}-22.zst","--ultra","-22")
src=plain("words",gen(150000,6,(0,4,4,2)))
z(src,"words-1.zst","-1")
z(src,"words-19.zst","-19")
z(plain("noise",gen(3000,4,(1,))),"noise-3.zst","-3")
z(plain("rle",b"x"*200000),"rle-19.zst","-19")
shutil.rmtree(scratch)
