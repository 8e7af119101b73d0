using System.Collections.Frozen;

namespace BriefingBot.Analysis.Actors;

/// <summary>Common first names from many languages: a capitalised word after one is most likely a surname.</summary>
internal static class GivenNames
{
    private static readonly FrozenSet<string> Names = """
        aaron abdul abdullah abu adam adrian ahmad ahmed aisha akira alan albert alberto alejandro aleksandr alex
        alexander alexandre alexei alfred ali alice alain alan amanda amir amy ana anatoly anders andre andrea andreas
        andrei andres andrew andrzej andy angela angelo ann anna anne anthony antoine anton antonio arnold arthur
        arturo ashley aslan ayman barbara barry bart ben benjamin bernard bernd bill billy bob bobby bogdan boris brad
        brandon brian bruce bruno bryan carl carla carlo carlos carmen carol caroline catherine cesar charles charlie
        chris christian christina christine christopher claire claude claudia claudio colin craig cristina dai dan
        daniel daniela danny dario dave david dean deborah dennis denis derek diana diego dieter dimitri dmitri dmitry
        domenico dominic don donald doug douglas duncan dylan ed eddie edgar eduardo edward elena eli elizabeth ellen
        emil emily emma enrique eric erik ernesto ernst eugene eva evan evgeny fabio faisal fatima federico felipe felix
        fernando filippo francesco francis francisco franco frank franz fred frederick fritz gabriel gary gavin geoff
        geoffrey george georg georgi gerald gerard gerhard giovanni giuseppe glenn gordon graham grant greg gregory
        guillermo gunter gustavo guy hamid hans harald harold harry hassan heinz helen helmut henri henrik henry herbert
        hiroshi howard hugh hugo hussein ian igor ilya ibrahim ingrid irina isaac ivan jack jacob jacques jaime james
        jamie jan jane janet jason javier jean jeff jeffrey jennifer jens jeremy jerome jerry jesse jesus jim jimmy
        joachim joan joao joe joel johan johann johannes john johnny jon jonathan jorge jose josef joseph juan julia
        julian julie julio jurgen justin kamal karen karim karl kate katherine kathy keith kelly ken kenneth kenji
        kevin khalid kim klaus kurt kyle lars larry laura laurent lee leo leon leonard leonid lisa liu louis luc luca
        lucas luigi luis lukas luke magnus mahmoud manuel marc marcel marco marcus margaret maria mario mark marko
        martin mary massimo mathias matt matthew matthias maurice max michael michel michele miguel mike mikhail milan
        mohamed mohammad mohammed muhammad nancy naoki nathan neil nelson nicholas nick nicola nicolas nigel nikolai
        nikita noah norman oleg oliver olivier omar oscar otto pablo paolo pascal patricia patrick paul paula pavel
        pedro per peter petr petra philip philippe phil pierre piotr rafael rainer ralph ramon randy rashid ray raymond
        rebecca ricardo richard rick rob robert roberto robin rodrigo roger roland roman ron ronald rosa ross roy ruben
        rudolf russell ryan salim sam samuel sandra sara sarah satoshi scott sean sebastian serge sergei sergey
        sergio shane sharon shinzo simon stefan stephen steve steven stuart susan sven takeshi tamara tanya ted terry
        thomas tim timothy toby todd tom tommy tony tyler uwe valentin valery vasily viktor victor vincent vitaly
        vladimir vladislav walter wang wayne werner wilhelm william willie wolfgang xavier yasser yossi youssef yuri
        yusuf zoran zhang
        """.Split((char[])[' ', '\n', '\r'], StringSplitOptions.RemoveEmptyEntries).ToFrozenSet(StringComparer.Ordinal);

    public static bool Contains(string key) => Names.Contains(key);
}
