#!/usr/bin/env python3
"""Lunar dates behind rules/holidays.toml: the Vietnamese lunar new year (Tết) and
Giỗ Tổ Hùng Vương (10/3 lunar) per year, reckoned at UTC+7.

Usage: python3 tests/extract/calendar_lunar.py [FIRST_YEAR LAST_YEAR]   (default 2024 2030)

Hồ Ngọc Đức's algorithm (the one Vietnamese calendars use), also printed at UTC+8 to
show the years where China's new year differs (2030). Not run by ctest: the holiday
table is data checked by tests/extract/calendar_test.cc; this script is how its lunar
dates were found, kept so the next year can be added the same way.
"""
import datetime
import math
import sys

PI=math.pi
def jdFromDate(dd,mm,yy):
    a=(14-mm)//12; y=yy+4800-a; m=mm+12*a-3
    jd=dd+(153*m+2)//5+365*y+y//4-y//100+y//400-32045
    if jd<2299161: jd=dd+(153*m+2)//5+365*y+y//4-32083
    return jd
def jdToDate(jd):
    if jd>2299160:
        a=jd+32044; b=(4*a+3)//146097; c=a-(b*146097)//4
    else:
        b=0; c=jd+32082
    d=(4*c+3)//1461; e=c-(1461*d)//4; m=(5*e+2)//153
    day=e-(153*m+2)//5+1; month=m+3-12*(m//10); year=b*100+d-4800+m//10
    return datetime.date(year,month,day)
def NewMoon(k):
    T=k/1236.85; T2=T*T; T3=T2*T; dr=PI/180
    Jd1=2415020.75933+29.53058868*k+0.0001178*T2-0.000000155*T3
    Jd1+=0.00033*math.sin((166.56+132.87*T-0.009173*T2)*dr)
    M=359.2242+29.10535608*k-0.0000333*T2-0.00000347*T3
    Mpr=306.0253+385.81691806*k+0.0107306*T2+0.00001236*T3
    F=21.2964+390.67050646*k-0.0016528*T2-0.00000239*T3
    C1=(0.1734-0.000393*T)*math.sin(M*dr)+0.0021*math.sin(2*dr*M)
    C1-=0.4068*math.sin(Mpr*dr)-0.0161*math.sin(dr*2*Mpr)
    C1-=0.0004*math.sin(dr*3*Mpr)
    C1+=0.0104*math.sin(dr*2*F)-0.0051*math.sin(dr*(M+Mpr))
    C1-=0.0074*math.sin(dr*(M-Mpr))-0.0004*math.sin(dr*(2*F+M))
    C1-=0.0004*math.sin(dr*(2*F-M))-0.0006*math.sin(dr*(2*F+Mpr))
    C1+=0.0010*math.sin(dr*(2*F-Mpr))+0.0005*math.sin(dr*(2*Mpr+M))
    if T<-11: deltat=0.001+0.000839*T+0.0002261*T2-0.00000845*T3-0.000000081*T*T3
    else: deltat=-0.000278+0.000265*T+0.000262*T2
    return Jd1+C1-deltat
def SunLongitude(jdn):
    T=(jdn-2451545.0)/36525; T2=T*T; dr=PI/180
    M=357.52910+35999.05030*T-0.0001559*T2-0.00000048*T*T2
    L0=280.46645+36000.76983*T+0.0003032*T2
    DL=(1.914600-0.004817*T-0.000014*T2)*math.sin(dr*M)
    DL+=(0.019993-0.000101*T)*math.sin(dr*2*M)+0.000290*math.sin(dr*3*M)
    L=L0+DL; L=L*dr; L=L-PI*2*(int(L/(PI*2)))
    return L
def getSunLongitude(dayNumber,tz): return int(SunLongitude(dayNumber-0.5-tz/24)/PI*6)
def getNewMoonDay(k,tz): return int(NewMoon(k)+0.5+tz/24)
def getLunarMonth11(yy,tz):
    off=jdFromDate(31,12,yy)-2415021
    k=int(off/29.530588853)
    nm=getNewMoonDay(k,tz)
    if getSunLongitude(nm,tz)>=9: nm=getNewMoonDay(k-1,tz)
    return nm
def getLeapMonthOffset(a11,tz):
    k=int((a11-2415021.076998695)/29.530588853+0.5)
    last=0;i=1
    arc=getSunLongitude(getNewMoonDay(k+i,tz),tz)
    while True:
        last=arc;i+=1
        arc=getSunLongitude(getNewMoonDay(k+i,tz),tz)
        if not(arc!=last and i<14): break
    return i-1
def lunar2solar(ld,lm,ly,leap,tz):
    if lm<11:
        a11=getLunarMonth11(ly-1,tz); b11=getLunarMonth11(ly,tz)
    else:
        a11=getLunarMonth11(ly,tz); b11=getLunarMonth11(ly+1,tz)
    k=int(0.5+(a11-2415021.076998695)/29.530588853)
    off=lm-11
    if off<0: off+=12
    if b11-a11>365:
        lo=getLeapMonthOffset(a11,tz); lpm=lo-2
        if lpm<0: lpm+=12
        if leap and lm!=lpm: return None
        elif leap or off>=lo: off+=1
    ms=getNewMoonDay(k+off,tz)
    return jdToDate(ms+ld-1)


def main():
    first, last = (int(sys.argv[1]), int(sys.argv[2])) if len(sys.argv) == 3 else (2024, 2030)
    for y in range(first, last + 1):
        tet = lunar2solar(1, 1, y, 0, 7)
        gio_to = lunar2solar(10, 3, y, 0, 7)
        china = lunar2solar(1, 1, y, 0, 8)
        note = "" if china == tet else f"  (China, UTC+8: {china})"
        print(f"{y}: Tết {tet} {tet:%a}, eve {tet - datetime.timedelta(1)}, "
              f"Giỗ Tổ {gio_to} {gio_to:%a}{note}")


if __name__ == "__main__":
    main()
